package com.clinicsuite.imports.debtors.pdf;

/** The amount columns of an age analysis, in the order reports print them. */
public enum Bucket {
    CURRENT("Current"),
    D30("30 days"),
    D60("60 days"),
    D90("90 days"),
    D120("120 days"),
    D150("150 days"),
    D180("180 days"),
    BALANCE("Balance");

    private final String label;

    Bucket(String label) {
        this.label = label;
    }

    /** How the column is named in messages to users. */
    public String label() {
        return label;
    }

    /** The ageing bucket that holds amounts this many days old (120+ columns fold into the nearest lower one). */
    static Bucket forDays(int days) {
        if (days >= 180) {
            return D180;
        }
        if (days >= 150) {
            return D150;
        }
        if (days >= 120) {
            return D120;
        }
        if (days >= 90) {
            return D90;
        }
        if (days >= 60) {
            return D60;
        }
        return days >= 30 ? D30 : CURRENT;
    }
}
