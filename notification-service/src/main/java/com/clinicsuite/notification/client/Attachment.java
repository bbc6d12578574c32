package com.clinicsuite.notification.client;

/** A file an e-mail carries. {@link #toString()} leaves the content (and the name: it holds an account number) out. */
public record Attachment(String fileName, String contentType, byte[] content) {

    @Override
    public String toString() {
        return "Attachment[" + contentType + ", " + content.length + " bytes]";
    }
}
