package com.clinicsuite.notification.service;

/**
 * GET answer: the contract's settings body with secrets masked, plus whether each channel can send and the
 * {@code default_language} ({@code en} or {@code af}) of reminders to accounts without one.
 */
public record NotificationSettingsView(
        String emailProvider,
        String fromEmail,
        String fromName,
        String replyTo,
        String sendgridApiKey,
        String smsProvider,
        String smsportalClientId,
        String smsportalApiSecret,
        String smsSenderId,
        String displayName,
        String contactPhone,
        String bankDetails,
        boolean emailConfigured,
        boolean smsConfigured,
        String defaultLanguage) {}
