package org.newsflow.publish.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs work once the current transaction has committed (in-memory state that must follow the database). */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void run(Runnable work) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}
