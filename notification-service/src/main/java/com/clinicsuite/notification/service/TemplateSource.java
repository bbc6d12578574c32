package com.clinicsuite.notification.service;

/** The Qute source of one channel's reminder: e-mail uses all three parts, SMS only {@code text}. */
public record TemplateSource(String subject, String html, String text) {}
