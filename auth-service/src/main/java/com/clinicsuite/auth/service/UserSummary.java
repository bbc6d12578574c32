package com.clinicsuite.auth.service;

import com.clinicsuite.auth.repository.UserAccount;

/** A row of the admin's user list. */
public record UserSummary(UserAccount user, long pharmacyCount) {}
