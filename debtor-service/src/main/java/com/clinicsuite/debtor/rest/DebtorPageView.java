package com.clinicsuite.debtor.rest;

import java.util.List;

public record DebtorPageView(long total, int page, int perPage, long pages, List<DebtorView> debtors) {}
