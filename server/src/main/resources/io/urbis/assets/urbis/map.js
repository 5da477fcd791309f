/* Urbis map: draws the page's features (#features) or extent (#extent) with Leaflet, without any base layer. */
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || !window.L) { return; }

  function data(id) {
    var block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : null;
  }

  function cell(row, tag, text) {
    var c = document.createElement(tag);
    c.textContent = text;
    row.appendChild(c);
  }

  function popup(feature) {
    var box = document.createElement('div');
    var link = document.createElement(feature.href ? 'a' : 'strong');
    if (feature.href) { link.href = feature.href; }
    link.textContent = String(feature.id);
    box.appendChild(link);
    var table = document.createElement('table');
    Object.keys(feature.properties || {}).forEach(function (name) {
      var value = feature.properties[name];
      var row = document.createElement('tr');
      cell(row, 'th', name);
      cell(row, 'td', value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
      table.appendChild(row);
    });
    box.appendChild(table);
    return box;
  }

  function extentLayer(boxes) {
    return L.featureGroup(boxes.map(function (b) {
      var east = b[2] < b[0] ? b[2] + 360 : b[2];
      return L.rectangle([[b[1], b[0]], [b[3], east]], { color: '#1f5f8b', weight: 2, fillOpacity: 0.1 });
    }));
  }

  function featureLayer(collection) {
    var style = { color: '#1f5f8b', weight: 2, fillOpacity: 0.25 };
    return L.geoJSON(collection, {
      style: style,
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, { radius: 5, color: '#1f5f8b', weight: 1, fillOpacity: 0.7 });
      },
      onEachFeature: function (feature, layer) { layer.bindPopup(function () { return popup(feature); }); }
    });
  }

  var map = L.map(element, { preferCanvas: true, attributionControl: false, worldCopyJump: true });
  L.control.scale().addTo(map);
  var features = data('features');
  var layer = features ? featureLayer(features) : extentLayer(data('extent') || []);
  layer.addTo(map);
  var bounds = layer.getBounds();
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [20, 20], maxZoom: 18 });
  } else {
    map.setView([0, 0], 1);
  }
}());
