package com.clinicsuite.auth;

import com.clinicsuite.auth.rest.EventSchemaResource;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.EventType;
import com.clinicsuite.testkit.NativeReadinessContract;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

class NativeReadinessTest extends NativeReadinessContract {

    @Override
    protected Set<Class<?>> resourceReaders() {
        return Set.of(EventSchemaResource.class);
    }

    /** The catalogue's schemas and AsyncAPI document, served by EventSchemaResource. */
    @Override
    protected Set<String> resourcesReadAtRunTime() {
        return Stream.concat(
                        EventCatalog.ALL.stream().map(EventType::schemaResource),
                        Stream.of("com/clinicsuite/events/asyncapi.yaml"))
                .collect(Collectors.toSet());
    }
}
