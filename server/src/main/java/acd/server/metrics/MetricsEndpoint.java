package acd.server.metrics;

import acd.server.http.HttpApi;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code GET /metrics}: the registry scraped and written by the Prometheus client's own
 * writers, in the format the scraper's {@code Accept} header asks for (the Prometheus text
 * format 0.0.4 by default; OpenMetrics and protobuf on request).
 */
public final class MetricsEndpoint implements HttpApi.Resource {
    private final PrometheusRegistry registry;
    private final ExpositionFormats formats = ExpositionFormats.init();

    public MetricsEndpoint(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HttpApi.Reply get(HttpApi.Request request) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(request.accept());
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        writer.write(out, registry.scrape());
        return new HttpApi.Reply(writer.getContentType(), out.toByteArray());
    }
}
