package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.credit.repository.CreditBalanceRepository;
import com.clinicsuite.web.errors.NotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Finds the records of a voucher (one client can have several treatments). The search is audited through the
 * API log, which publishes the searches of each batch as one credit.voucher-searches-logged event, off the request
 * path.
 *
 * <p>Staff search their own center only, and in the query itself: a voucher of another center answers exactly as
 * a voucher nobody has (same status, same body, the same single query), so a search cannot tell whether a voucher
 * exists elsewhere.
 */
@ApplicationScoped
public class VoucherSearchService {

    private final CreditBalanceRepository repository;
    private final CenterScope scope;
    private final VoucherSearchAudit audit;

    public VoucherSearchService(CreditBalanceRepository repository, CenterScope scope, VoucherSearchAudit audit) {
        this.repository = repository;
        this.scope = scope;
        this.audit = audit;
    }

    @WithSession
    public Uni<List<CreditBalance>> search(String voucherNumber) {
        String voucher = VoucherRule.searchForm(voucherNumber);
        Optional<String> own = scope.restriction();
        return repository.findByVoucher(voucher, own).map(visible -> {
            audit.record(voucher, visible.size());
            if (visible.isEmpty()) {
                throw new NotFound("No credit balance has this voucher number");
            }
            return visible;
        });
    }
}
