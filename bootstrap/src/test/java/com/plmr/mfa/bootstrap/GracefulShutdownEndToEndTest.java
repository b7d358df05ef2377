package com.plmr.mfa.bootstrap;

import com.plmr.mfa.adapter.out.persistence.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop with a request under way, with the graceful shutdown of {@code application.yml}: the
 * instance stops taking connections at once, the request under way is answered in full, and the
 * stop ends after it.
 */
class GracefulShutdownEndToEndTest {

    private static final long WAIT_SECONDS = 60;

    @Test
    void a_stop_lets_the_request_under_way_finish_and_refuses_new_connections() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("mfa.test.holding", "true");
        properties.put("micronaut.lifecycle.graceful-shutdown.enabled", "true");
        ApplicationContext context = ApplicationContext.run(properties, "test");
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        HoldingTestController holder = context.getBean(HoldingTestController.class);
        URI hold = server.getURI().resolve("/internal/v1/test-only/hold");
        CompletableFuture<HttpResponse<String>> underWay = HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(hold).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(holder.entered.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(context::close);
        awaitRefused(server.getPort());

        assertThat(stop).as("the stop waits for the request under way").isNotDone();
        holder.release.countDown();
        HttpResponse<String> answered = underWay.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("{\"held\":true}");
        stop.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Until a new connection to the port is refused: the server closed its listener. */
    private static void awaitRefused(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(WAIT_SECONDS));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // not refused yet in a way that tells: try again
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the server still accepts connections " + WAIT_SECONDS + " s after the stop began");
    }
}
