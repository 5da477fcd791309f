// The map of a tile set: MapLibre GL JS draws the tiles with the style the page names, fitted to its data, and the
// legend's swatches (.layer-swatch[data-layer]) take the colours the style draws their layers in.
(function () {
  const element = document.getElementById('tile-map');
  const map = new maplibregl.Map({container: element, style: element.dataset.style});
  map.addControl(new maplibregl.NavigationControl());
  map.once('styledata', () => {
    const style = map.getStyle();
    colourLegend(style.layers);
    const source = style.sources.urbis;
    fetch(source.url).then(response => response.json()).then(tileJson => {
      if (tileJson.bounds) {
        map.fitBounds(tileJson.bounds, {padding: 20, animate: false, maxZoom: 16});
      }
      // for scripted viewers (the browser test): the map shows its data from here on
      window.urbisMapFitted = true;
    });
  });
  map.on('click', event => {
    const features = map.queryRenderedFeatures(event.point);
    if (features.length > 0) {
      const feature = features[0];
      const rows = Object.entries(feature.properties)
          .map(([key, value]) => `<tr><th>${escape(key)}</th><td>${escape(String(value))}</td></tr>`).join('');
      new maplibregl.Popup().setLngLat(event.lngLat)
          .setHTML(`<strong>${escape(feature.sourceLayer)}</strong><table>${rows}</table>`).addTo(map);
    }
  });
  window.urbisMap = map;

  function colourLegend(layers) {
    document.querySelectorAll('.layer-swatch[data-layer]').forEach(swatch => {
      const paint = layers.find(layer => layer['source-layer'] === swatch.dataset.layer)?.paint || {};
      const colour = ['fill-color', 'line-color', 'circle-color'].map(property => paint[property])
          .find(value => typeof value === 'string');
      if (colour) {
        swatch.style.backgroundColor = colour;
        swatch.classList.add('drawn');
      }
    });
  }

  function escape(text) {
    return text.replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  }
})();
