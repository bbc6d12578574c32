package com.clinicsuite.credit.service;

import jakarta.validation.groups.Default;

/** Validation group of a new record: the fields an update may leave out are required. */
public interface OnCreate extends Default {}
