package com.clinicsuite.credit.repository;

import java.util.List;

/** One page of a list and the total number of matches (answered in {@code X-Total-Count}). */
public record Page<T>(List<T> items, long total) {}
