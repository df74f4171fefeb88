package org.certboard.system.contract;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.BoardClient.Exchange;

/**
 * An {@link HttpClient} that reads each answer whole, hands it to a recorder and then gives the caller's body handler
 * the same bytes, so a generated client (which reads answers as a stream) works unchanged while its traffic is
 * replayed against the documents. The generated {@code ApiClient}s take it through {@link #builder}.
 */
public final class RecordingHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final Service service;
    private final Consumer<Exchange> recorder;

    private RecordingHttpClient(HttpClient delegate, Service service, Consumer<Exchange> recorder) {
        this.delegate = delegate;
        this.service = service;
        this.recorder = recorder;
    }

    /** A builder whose clients record every exchange with {@code service} into {@code recorder}. */
    public static HttpClient.Builder builder(Service service, Consumer<Exchange> recorder) {
        return new Builder(HttpClient.newBuilder(), service, recorder);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return replay(request, delegate.send(request, HttpResponse.BodyHandlers.ofByteArray()), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> replay(request, response, handler));
    }

    /** Server push is HTTP/2 only and the services speak HTTP/1.1: nothing to record it for. */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        throw new UnsupportedOperationException("server push");
    }

    private <T> HttpResponse<T> replay(HttpRequest request, HttpResponse<byte[]> response,
            HttpResponse.BodyHandler<T> handler) {
        byte[] bytes = response.body();
        recorder.accept(new Exchange(service, request.method(), request.uri().getRawPath(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), new String(bytes, StandardCharsets.UTF_8)));
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return response.headers();
            }

            @Override
            public Version version() {
                return response.version();
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            private boolean delivered;

            // the whole body in one go at the first demand: a streaming subscriber asks for only what it can hold
            @Override
            public synchronized void request(long n) {
                if (delivered || n <= 0) {
                    return;
                }
                delivered = true;
                if (bytes.length > 0) {
                    subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
                }
                subscriber.onComplete();
            }

            @Override
            public void cancel() {
                // nothing in flight: the body has been read already
            }
        });
        T body = subscriber.getBody().toCompletableFuture().join();
        return new Replayed<>(response, body);
    }

    /** The recorded answer with the body the caller's handler made of it. */
    private record Replayed<T>(HttpResponse<byte[]> response, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public java.net.URI uri() {
            return response.uri();
        }

        @Override
        public Version version() {
            return response.version();
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /** Configures the real client; {@link #build()} wraps it. */
    private static final class Builder implements HttpClient.Builder {
        private final HttpClient.Builder delegate;
        private final Service service;
        private final Consumer<Exchange> recorder;

        Builder(HttpClient.Builder delegate, Service service, Consumer<Exchange> recorder) {
            this.delegate = delegate;
            this.service = service;
            this.recorder = recorder;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return new RecordingHttpClient(delegate.build(), service, recorder);
        }
    }
}
