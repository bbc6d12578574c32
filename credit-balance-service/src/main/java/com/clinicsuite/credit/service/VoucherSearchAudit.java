package com.clinicsuite.credit.service;

import jakarta.enterprise.context.RequestScoped;

/** What a voucher search looked up and found, for the API log entry of the current request. */
@RequestScoped
public class VoucherSearchAudit {

    private String voucherNumber;
    private Integer matches;

    public void record(String voucherNumber, int matches) {
        this.voucherNumber = voucherNumber;
        this.matches = matches;
    }

    public String voucherNumber() {
        return voucherNumber;
    }

    public Integer matches() {
        return matches;
    }
}
