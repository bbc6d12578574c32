package com.clinicsuite.notification;

import com.clinicsuite.notification.service.ReminderTemplates;
import com.clinicsuite.testkit.NativeReadinessContract;
import java.util.Set;

class NativeReadinessTest extends NativeReadinessContract {

    @Override
    protected Set<Class<?>> resourceReaders() {
        return Set.of(ReminderTemplates.class);
    }

    /** The built-in reminder templates, English and Afrikaans ({@code af/}). */
    @Override
    protected Set<String> resourcesReadAtRunTime() {
        return Set.of(
                "default-templates/reminder-email-subject.txt",
                "default-templates/reminder-email.html",
                "default-templates/reminder-email.txt",
                "default-templates/reminder-sms.txt",
                "default-templates/af/reminder-email-subject.txt",
                "default-templates/af/reminder-email.html",
                "default-templates/af/reminder-email.txt",
                "default-templates/af/reminder-sms.txt");
    }
}
