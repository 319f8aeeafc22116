package io.onlineuser.frameworks.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * A gRPC streaming game service on grpc-netty-shaded 1.85.1 (Netty relocated under
 * {@code io.grpc.netty.shaded}): each player holds a {@code Play} stream; {@code login <uid>}
 * answers {@code ok <ip:port the server sees>}. Argument: the port.
 */
public final class GrpcGameServer {

    private static final Context.Key<SocketAddress> REMOTE = Context.key("remote");

    private GrpcGameServer() {
    }

    public static void main(String[] args) throws Exception {
        GrpcPlayers players = new GrpcPlayers();
        ServerServiceDefinition game = ServerServiceDefinition.builder("game.Game")
                .addMethod(GameMethods.PLAY, ServerCalls.asyncBidiStreamingCall(replies -> play(players, replies)))
                .build();
        Server server = Grpc.newServerBuilderForPort(Integer.parseInt(args[0]), InsecureServerCredentials.create())
                .addService(ServerInterceptors.intercept(game, new RemoteAddress()))
                .build()
                .start();
        System.out.println("grpc game port " + server.getPort());
        new CountDownLatch(1).await();
    }

    private static StreamObserver<String> play(GrpcPlayers players, StreamObserver<String> replies) {
        SocketAddress remote = REMOTE.get();
        return new StreamObserver<>() {
            @Override
            public void onNext(String line) {
                if (line.startsWith("login ")) {
                    players.login(remote, line.substring(6));
                    InetSocketAddress inet = (InetSocketAddress) remote;
                    replies.onNext("ok " + inet.getAddress().getHostAddress() + ":" + inet.getPort());
                }
            }

            @Override
            public void onError(Throwable t) {
                players.logout(remote);
            }

            @Override
            public void onCompleted() {
                players.logout(remote);
                replies.onCompleted();
            }
        };
    }

    /** Puts the caller's address into the call's context. */
    private static final class RemoteAddress implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                          ServerCallHandler<Q, R> next) {
            SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            return Contexts.interceptCall(Context.current().withValue(REMOTE, remote), call, headers, next);
        }
    }
}
