package com.clinicsuite.credit.service;

import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.vocabulary.Center;
import com.clinicsuite.web.errors.NotAllowed;
import com.clinicsuite.web.errors.Rejected;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Which records the caller may see and change: admins every center, staff their own center only. */
@ApplicationScoped
public class CenterScope {

    private final CallerIdentity caller;

    public CenterScope(CallerIdentity caller) {
        this.caller = caller;
    }

    public String username() {
        return caller.username();
    }

    /** The center the caller is confined to (canonical spelling); empty for admins. */
    public Optional<String> restriction() {
        if (caller.isAdmin()) {
            return Optional.empty();
        }
        return Optional.of(staffCenter()
                .orElseThrow(() -> new NotAllowed(
                        "Your account is not assigned to a center; ask an administrator to assign one")));
    }

    /** 403 unless the caller may see and change records of {@code center}. */
    public void requireAccess(String center) {
        restriction().filter(own -> !own.equals(center)).ifPresent(own -> {
            throw new NotAllowed("You can only access records of your center (" + own + ")");
        });
    }

    /** The caller's own center, for by-user-center; 400 when the caller has none. */
    public String ownCenter() {
        return staffCenter().orElseThrow(() -> new Rejected("Your account is not assigned to a center"));
    }

    private Optional<String> staffCenter() {
        return caller.center().flatMap(Center::parse).map(Center::canonicalName);
    }
}
