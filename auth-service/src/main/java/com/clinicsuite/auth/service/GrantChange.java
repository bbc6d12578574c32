package com.clinicsuite.auth.service;

/** The access to set on one pharmacy for one user; write implies read. */
public record GrantChange(boolean canRead, boolean canWrite) {}
