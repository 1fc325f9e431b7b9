package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.text.Problem;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A cancelled training stops at the next check and never commits; a cancel never cuts a commit in half. */
class CancellationTest {

    @Test
    void runsTheCommitWhenNotCancelled() throws Exception {
        Cancellation c = new Cancellation();
        AtomicBoolean committed = new AtomicBoolean();
        c.check();
        c.commit(() -> committed.set(true));
        assertTrue(committed.get());
    }

    @Test
    void afterCancelNothingIsCommitted() {
        Cancellation c = new Cancellation();
        c.cancel();
        AtomicBoolean committed = new AtomicBoolean();
        Problem e = assertThrows(Problem.class, () -> c.commit(() -> committed.set(true)));
        assertTrue(e.getMessage().contains("no model was written"), e.getMessage());
        assertFalse(committed.get());
        assertThrows(Problem.class, c::check);
    }

    @Test
    void cancelWaitsForACommitUnderWay() throws Exception {
        Cancellation c = new Cancellation();
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch finishCommit = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
            try {
                c.commit(() -> {
                    inCommit.countDown();
                    try {
                        finishCommit.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    finished.set(true);
                });
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(inCommit.await(60, TimeUnit.SECONDS));
        CompletableFuture<Boolean> cancel = CompletableFuture.supplyAsync(() -> {
            c.cancel();
            return finished.get();
        });
        finishCommit.countDown();
        assertTrue(cancel.get(60, TimeUnit.SECONDS), "cancel returns only after the commit under way finished");
        commit.get(60, TimeUnit.SECONDS);
        assertTrue(c.cancelled());
    }
}
