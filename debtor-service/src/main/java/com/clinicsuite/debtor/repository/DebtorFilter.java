package com.clinicsuite.debtor.repository;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the debtor list selects. Null fields do not filter. (Exports: {@link ExportFilter}.)
 *
 * @param minBalance     keep debtors whose arrears (d60..d180) are strictly greater
 * @param ageingBuckets  keep debtors with a non-zero amount in any of these (empty: no filter)
 * @param hasEmail       true: only with an e-mail; false: only without
 * @param hasPhone       true: only with a phone; false: only without
 * @param search         case-insensitive substring of acc_no, name, email or phone
 * @param hasOpenPromise true: only accounts with an open promise to pay; false: only without
 * @param doNotContact   true: only accounts marked do-not-contact; false: only the others
 * @param promiseStatus  only accounts whose latest promise has this status (open, kept, broken, cancelled)
 */
public record DebtorFilter(
        BigDecimal minBalance,
        List<AgeingBucket> ageingBuckets,
        Boolean hasEmail,
        Boolean hasPhone,
        String search,
        boolean excludeMedicalAid,
        Boolean hasOpenPromise,
        Boolean doNotContact,
        String promiseStatus) {

    /** Without the collections filters. */
    public DebtorFilter(
            BigDecimal minBalance,
            List<AgeingBucket> ageingBuckets,
            Boolean hasEmail,
            Boolean hasPhone,
            String search,
            boolean excludeMedicalAid) {
        this(minBalance, ageingBuckets, hasEmail, hasPhone, search, excludeMedicalAid, null, null, null);
    }

    public static DebtorFilter all() {
        return new DebtorFilter(null, List.of(), null, null, null, true);
    }
}
