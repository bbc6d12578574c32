package com.clinicsuite.auth.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An admin's request to create a user. The password policy is checked by {@link PasswordPolicy}. */
public record NewUser(
        @NotBlank @Pattern(regexp = UserRules.USERNAME_PATTERN, message = UserRules.USERNAME_MESSAGE)
        String username,

        @NotNull String password,
        @Email @Size(max = 254) String email,
        @Size(max = 200) String fullName,
        List<String> roles,
        String center) {}
