package com.clinicsuite.notification.service;

/** A reminder rendered for one debtor; {@code subject} and {@code html} are null for SMS. */
public record RenderedMessage(String subject, String html, String text) {

    @Override
    public String toString() {
        return "RenderedMessage[" + (text == null ? 0 : text.length()) + " chars]";
    }
}
