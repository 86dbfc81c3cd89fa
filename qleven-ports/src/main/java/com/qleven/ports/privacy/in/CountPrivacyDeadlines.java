package com.qleven.ports.privacy.in;

/**
 * How many unanswered requests are due soon and overdue now, across every center: for the
 * platform's monitoring, which sees counts only. Not a use case of any principal.
 */
public interface CountPrivacyDeadlines {

    record Deadlines(long dueSoon, long overdue) {
        public Deadlines {
            if (dueSoon < 0 || overdue < 0) {
                throw new IllegalArgumentException("counts are not negative");
            }
        }
    }

    Deadlines count();
}
