package com.clinicsuite.documents;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** {@code documents.*}: what every printed document (statements, printed lists, statement attachments) shares. */
@ConfigMapping(prefix = "documents")
public interface DocumentsConfig {

    /** The zone the dates printed on documents are in ("printed on", report dates shown as local days). */
    @WithDefault("Africa/Johannesburg")
    ZoneId timeZone();
}
