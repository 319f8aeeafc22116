package io.onlineuser.collector.http;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import io.netty.channel.Channel;

/** One request under way: its answer's future, the connection carrying it, its deadline. */
final class Exchange {

    final CompletableFuture<HttpAnswer> answer = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile ScheduledFuture<?> deadline;

    void deadline(ScheduledFuture<?> deadline) {
        this.deadline = deadline;
    }

    void carriedBy(Channel channel) {
        this.channel = channel;
        if (answer.isDone()) {
            channel.close(); // the deadline passed while connecting: this connection's state is unknown
        }
    }

    void answered(HttpAnswer value) {
        cancelDeadline();
        answer.complete(value);
    }

    /** Fails the request; the connection it used, if any, is closed (its state is unknown). */
    void fail(IOException failure) {
        cancelDeadline();
        if (answer.completeExceptionally(failure)) {
            Channel used = channel;
            if (used != null) {
                used.close();
            }
        }
    }

    private void cancelDeadline() {
        ScheduledFuture<?> scheduled = deadline;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
