package com.clinicsuite.auth.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An admin's partial update: absent (null) fields stay as they are. {@code center} "" removes the center;
 * {@code password} is an admin-initiated reset (and ends the user's sessions).
 */
public record UserChanges(
        @Pattern(regexp = UserRules.USERNAME_PATTERN, message = UserRules.USERNAME_MESSAGE)
        String username,

        String password,
        @Email @Size(max = 254) String email,
        @Size(max = 200) String fullName,
        List<String> roles,
        String center,
        Boolean isActive) {}
