package com.clinicsuite.imports.credit.rest;

import com.clinicsuite.vocabulary.ImportStatus;

/** The 202 answer to an upload: where to follow the job ({@code GET /imports/{import_id}}). */
public record ImportAccepted(String importId, ImportStatus status) {}
