package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.credit.repository.CreditBalanceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the records of a voucher (one client can have several treatments) among those the caller may see. The search
 * is audited through the API log, which also emits credit.voucher-searched, off the request path.
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
        String voucher = voucherNumber.trim().toUpperCase(Locale.ROOT);
        Optional<String> own = scope.restriction();
        return repository.findByVoucher(voucher).map(found -> {
            List<CreditBalance> visible = own.map(
                            c -> found.stream().filter(r -> r.center.equals(c)).toList())
                    .orElse(found);
            audit.record(voucher, visible.size());
            // another center's voucher answers exactly as one that does not exist: staff learn nothing of it
            if (visible.isEmpty()) {
                throw new NotFoundException("No credit balance has voucher " + voucher);
            }
            return visible;
        });
    }
}
