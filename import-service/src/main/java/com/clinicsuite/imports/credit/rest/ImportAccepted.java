package com.clinicsuite.imports.credit.rest;

import com.clinicsuite.vocabulary.ImportStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The 202 answer to an upload: where to follow the job ({@code GET /imports/{import_id}}). */
// answered inside a JAX-RS Response, whose entity type Quarkus cannot see at build time: registered for the native
// image's Jackson
@RegisterForReflection
public record ImportAccepted(String importId, ImportStatus status) {}
