package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.vocabulary.Center;
import com.clinicsuite.vocabulary.IndianMobileNumber;
import com.clinicsuite.web.errors.ApiError.FieldError;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Applies a (validated) input to a record: normalises what users type, checks the rules that span fields, and
 * recomputes the voucher. Field-level syntax (negatives, e-mail form) is Bean Validation's job on
 * {@link CreditBalanceInput}; what fails here is answered 422 naming the fields.
 */
public final class CreditBalanceEditor {

    private CreditBalanceEditor() {}

    /** Applies {@code input} to {@code target}; null fields of the input keep the target's values. */
    public static void apply(CreditBalanceInput input, CreditBalance target) {
        List<FieldError> errors = new ArrayList<>();
        if (input.center() != null) {
            Center.parse(input.center())
                    .ifPresentOrElse(
                            c -> target.center = c.canonicalName(),
                            () -> errors.add(
                                    new FieldError("center", "unknown center; use one of " + Center.knownNames())));
        }
        if (input.clientCode() != null) {
            target.clientCode = input.clientCode().trim().toUpperCase(Locale.ROOT);
        }
        if (input.clientName() != null) {
            target.clientName = collapseSpaces(input.clientName());
        }
        if (input.phoneNo() != null) {
            target.phoneNo = normalisedPhone(input.phoneNo());
        }
        if (input.emailId() != null) {
            target.emailId = normalisedEmails(input.emailId());
        }
        if (input.treatmentName() != null) {
            target.treatmentName = collapseSpaces(input.treatmentName());
        }
        if (input.finalBucket() != null) {
            target.finalBucket = input.finalBucket().isBlank() ? null : collapseSpaces(input.finalBucket());
        }
        applyAmounts(input, target, errors);
        applySessions(input, target, errors);
        if (!errors.isEmpty()) {
            String detail =
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new UnprocessableEntityException(detail, errors);
        }
        target.voucherNumber =
                VoucherRule.voucherNumber(Center.parse(target.center).orElse(null), target.clientCode, target.phoneNo);
    }

    private static void applyAmounts(CreditBalanceInput input, CreditBalance target, List<FieldError> errors) {
        boolean creating = target.id == null;
        if (input.packageAmount() != null) {
            target.packageAmount = money(input.packageAmount());
        }
        if (input.amountPaid() != null) {
            target.amountPaid = money(input.amountPaid());
        }
        if (input.prepaidGiftCardBalance() != null) {
            target.prepaidGiftCardBalance = money(input.prepaidGiftCardBalance());
        }
        if (input.balanceAmount() != null) {
            target.balanceAmount = money(input.balanceAmount());
        } else if (creating) {
            // Not derived on update: a discount makes the balance differ from package - paid, and the
            // clinic's figure wins. A new record without one owes what is left of the package.
            BigDecimal owed = target.packageAmount.subtract(target.amountPaid);
            if (owed.signum() < 0) {
                errors.add(new FieldError("amount_paid", "exceeds package_amount; send balance_amount explicitly"));
            } else {
                target.balanceAmount = owed;
            }
        }
    }

    private static void applySessions(CreditBalanceInput input, CreditBalance target, List<FieldError> errors) {
        if (input.sessionsPaid() != null) {
            target.sessionsPaid = input.sessionsPaid();
        }
        if (input.sessionsConsumed() != null) {
            target.sessionsConsumed = input.sessionsConsumed();
        }
        int left = target.sessionsPaid - target.sessionsConsumed;
        if (left < 0) {
            errors.add(
                    new FieldError("sessions_consumed", "cannot exceed sessions_paid (" + target.sessionsPaid + ")"));
        } else if (input.balanceSessions() != null && input.balanceSessions() != left) {
            errors.add(
                    new FieldError("balance_sessions", "must equal sessions_paid - sessions_consumed (" + left + ")"));
        } else {
            target.balanceSessions = left;
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String collapseSpaces(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }

    /** A mobile number is stored as its 10 national digits; anything else (a landline) as typed. */
    private static String normalisedPhone(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        return IndianMobileNumber.parse(raw)
                .map(IndianMobileNumber::nationalDigits)
                .orElse(raw.trim());
    }

    private static String normalisedEmails(String raw) {
        String joined = Arrays.stream(EmailList.SEPARATORS.split(raw))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }
}
