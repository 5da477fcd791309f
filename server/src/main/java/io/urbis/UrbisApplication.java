package io.urbis;

import io.urbis.access.AccessPolicy;
import io.urbis.access.CatalogViews;
import io.urbis.api.ApiDefinitionResource;
import io.urbis.api.ApiSettings;
import io.urbis.api.AssetsResource;
import io.urbis.api.AudienceHeaders;
import io.urbis.api.CatalogDatasets;
import io.urbis.api.CatalogResource;
import io.urbis.api.CollectionSchemasResource;
import io.urbis.api.CollectionsResource;
import io.urbis.api.ConformanceResource;
import io.urbis.api.CutOffResponses;
import io.urbis.api.FeatureEditingResource;
import io.urbis.api.ForwardedHeadersFilter;
import io.urbis.api.HealthResource;
import io.urbis.api.ItemsResource;
import io.urbis.api.LandingPageResource;
import io.urbis.api.MalformedHeadersFilter;
import io.urbis.api.MetricsResource;
import io.urbis.api.RequestMetricsFilter;
import io.urbis.api.TileResources;
import io.urbis.api.Tiles3dResource;
import io.urbis.api.UnknownParameterFilter;
import io.urbis.api.UrbisExceptionMapper;
import io.urbis.config.EditingConfig;
import io.urbis.encode.GeoJsonFeaturePageWriter;
import io.urbis.encode.html.HtmlDocumentWriter;
import io.urbis.encode.html.HtmlFeaturePageWriter;
import io.urbis.query.FeatureQueryParser;
import io.urbis.security.Authentication;
import io.urbis.security.Operators;
import io.urbis.source.FeatureSource;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey application: every resource, writer and filter registered by name, so {@code @Path} lists every URL. */
final class UrbisApplication {

  private UrbisApplication() {}

  static ResourceConfig create(ApiSettings settings, TileSettings tiles, Tiles3dService tiles3d, AccessPolicy access,
      List<FeatureSource> sources, Authentication authentication, String operatorRole, EditingConfig editing,
      CatalogDatasets datasets) {
    Operators operators = new Operators(operatorRole, authentication);
    PrometheusRegistry metrics = new PrometheusRegistry();
    PoolMetrics.register(metrics, sources);
    ResourceConfig config = new ResourceConfig();
    config.register(new RequestMetricsFilter(metrics));
    config.register(new MetricsResource(metrics, operators));
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    config.register(JacksonFeature.class);
    config.register(UrbisExceptionMapper.class);
    config.register(CutOffResponses.class);
    config.register(authentication);
    config.register(new CatalogViews(access));
    if (!access.isOpen()) {
      config.register(AudienceHeaders.class);
    }
    config.register(new ForwardedHeadersFilter(settings.publicUrl(), settings.trustedProxies()));
    config.register(MalformedHeadersFilter.class);
    config.register(UnknownParameterFilter.class);
    config.register(GeoJsonFeaturePageWriter.class);
    config.register(HtmlDocumentWriter.class);
    config.register(HtmlFeaturePageWriter.class);
    config.register(new LandingPageResource(settings, tiles3d));
    config.register(new ConformanceResource(!access.writableCollections().isEmpty()));
    config.register(new ApiDefinitionResource(settings, tiles3d));
    config.register(new CollectionsResource(tiles3d, datasets));
    config.register(new CatalogResource(datasets));
    config.register(new Tiles3dResource(tiles3d));
    config.register(new ItemsResource(new FeatureQueryParser(settings.defaultLimit(), settings.maxLimit())));
    config.register(new CollectionSchemasResource());
    config.register(new FeatureEditingResource(editing, authentication));
    config.register(new HealthResource(sources, operators));
    config.register(new AssetsResource());
    TileResources.create(settings.title(), tiles).forEach(config::register);
    return config;
  }
}
