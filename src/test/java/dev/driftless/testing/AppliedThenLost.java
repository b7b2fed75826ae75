package dev.driftless.testing;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * A WireMock listener that sends the matched request on to moto before the stub's own answer (a dropped
 * connection, a truncated body) goes back: the call takes effect, its answer is lost — what a network
 * fault after AWS applied a write looks like to the caller.
 */
public final class AppliedThenLost implements ServeEventListener {
    public static final String NAME = "applied-then-lost";
    public static final Set<RequestPhase> PHASE = Set.of(RequestPhase.AFTER_MATCH);

    private final String target;
    private final HttpClient http = HttpClient.newHttpClient();

    public AppliedThenLost(String target) {
        this.target = target;
    }

    @Override
    public void afterMatch(ServeEvent event, Parameters parameters) {
        var request = event.getRequest();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + request.getUrl()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getBody()));
        for (String h : new String[] {"X-Amz-Target", "Content-Type", "Authorization", "X-Amz-Date"}) {
            if (request.containsHeader(h)) {
                b.header(h, request.getHeader(h));
            }
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("moto refused the forwarded call: " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

}
