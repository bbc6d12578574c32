package com.clinicsuite.credit.service;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The body of POST and PUT /credit-balances/. On PUT every field is optional: null keeps the stored value.
 * {@code voucher_number} is not here on purpose: it is always computed.
 */
public record CreditBalanceInput(
        @NotNull(groups = OnCreate.class)
        @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9/_-]*\\s*", message = "must be letters and digits")
        @Size(max = 50)
        String clientCode,

        @NotNull(groups = OnCreate.class) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200)
        String clientName,

        @Pattern(regexp = "[0-9+()\\-\\s.]*", message = "must be a phone number") @Size(max = 20)
        String phoneNo,

        @EmailList @Size(max = 500) String emailId,

        @NotNull(groups = OnCreate.class) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200)
        String treatmentName,

        @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal packageAmount,
        @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal amountPaid,
        @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal balanceAmount,
        @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal prepaidGiftCardBalance,
        @NotNull(groups = OnCreate.class) String center,
        @Size(max = 100) String finalBucket,
        @PositiveOrZero Integer sessionsPaid,
        @PositiveOrZero Integer sessionsConsumed,
        @PositiveOrZero Integer balanceSessions) {}
