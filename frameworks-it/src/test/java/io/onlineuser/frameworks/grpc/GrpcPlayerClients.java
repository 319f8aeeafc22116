package io.onlineuser.frameworks.grpc;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Players as gRPC's own client: one channel (one TCP connection) and one held {@code Play} stream each. */
final class GrpcPlayerClients implements AutoCloseable {

    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<StreamObserver<String>> streams = new ArrayList<>();
    private final List<BlockingQueue<String>> replies = new ArrayList<>();

    void connect(int port, int count) {
        for (int i = 0; i < count; i++) {
            ManagedChannel channel = Grpc.newChannelBuilder("127.0.0.1:" + port, InsecureChannelCredentials.create())
                    .build();
            BlockingQueue<String> answers = new LinkedBlockingQueue<>();
            StreamObserver<String> stream = ClientCalls.asyncBidiStreamingCall(
                    channel.newCall(GameMethods.PLAY, CallOptions.DEFAULT), new StreamObserver<>() {
                        @Override
                        public void onNext(String value) {
                            answers.add(value);
                        }

                        @Override
                        public void onError(Throwable t) {
                            // a dropped player: nothing to do
                        }

                        @Override
                        public void onCompleted() {
                            // the server ended the stream
                        }
                    });
            stream.onNext("hello");
            channels.add(channel);
            streams.add(stream);
            replies.add(answers);
        }
    }

    String login(int index, String uid) throws InterruptedException {
        streams.get(index).onNext("login " + uid);
        String answer = replies.get(index).poll(10, TimeUnit.SECONDS);
        if (answer == null || !answer.startsWith("ok ")) {
            throw new IllegalStateException("login " + uid + " answered " + answer);
        }
        return answer.substring(3);
    }

    /** Drops channels {@code from} to the end at once (shutdownNow closes the connection). */
    void dropFrom(int from) throws InterruptedException {
        while (channels.size() > from) {
            ManagedChannel channel = channels.remove(channels.size() - 1);
            streams.remove(streams.size() - 1);
            replies.remove(replies.size() - 1);
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        dropFrom(0);
    }
}
