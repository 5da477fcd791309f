/* Urbis 3D view: the collection's 3D Tiles in CesiumJS served by Urbis itself, on a plain ellipsoid without
   imagery, terrain or Cesium ion. Buildings are coloured by a theme the tiles' property tables can answer (heat
   demand, heat demand per square metre, a heat plan's heat demand density of the block, construction year, energy
   carrier), with a legend; picking a building shows
   its attributes and links to its feature page through the tileset's featureUriTemplate. State for tests and the
   curious: window.urbis3d. */
(function () {
  'use strict';
  var element = document.getElementById('viewer3d');
  if (!element) { return; }
  window.CESIUM_BASE_URL = element.dataset.cesium;
  var state = window.urbis3d = { failed: 0, loaded: 0, ready: false, error: null, theme: null, legend: [],
    picked: null };

  // Properties are found by their column names, as the data names them (Urbis' demo, CityGML imports, and the
  // names German heat planning data commonly uses); the first present wins.
  var NAMES = {
    heatDemand: ['heat_demand_kwh_a', 'heat_demand_kwh', 'heat_demand'],
    footprintArea: ['footprint_area_m2'],
    storeys: ['storeys', 'storeys_above_ground', 'floors'],
    yearBuilt: ['year_built', 'year_of_construction', 'construction_year'],
    energyCarrier: ['energy_carrier', 'heating_carrier', 'energietraeger'],
    heatDensity: ['block_heat_density_mwh_ha_a']
  };
  var NO_VALUE = { label: 'no value', colour: '#bdbdbd' };

  /** Classes of a number: below each bound in turn, the last one for everything above. */
  function bands(bounds, colours, labels) {
    return colours.map(function (colour, i) {
      return { label: labels[i], colour: colour, matches: function (value) {
        return (i === 0 || value >= bounds[i - 1]) && (i === bounds.length || value < bounds[i]);
      } };
    });
  }

  /** Classes of a text: each matches the values (lower case, spaces for '_' and '-') it lists. */
  function categories(entries) {
    return entries.map(function (entry) {
      return { label: entry[0], colour: entry[1], matches: function (value) {
        return entry[2].indexOf(String(value).toLowerCase().replace(/[_-]+/g, ' ').trim()) >= 0;
      } };
    });
  }

  // Energy efficiency classes of German energy certificates (GEG, Anlage 10), kWh per m² and year.
  var EFFICIENCY = bands([30, 50, 75, 100, 130, 160, 200, 250],
    ['#1a9641', '#52b151', '#a6d96a', '#d9ef8b', '#fee08b', '#fdae61', '#f46d43', '#d73027', '#a50026'],
    ['A+ (< 30)', 'A (30–50)', 'B (50–75)', 'C (75–100)', 'D (100–130)', 'E (130–160)', 'F (160–200)',
      'G (200–250)', 'H (≥ 250)']);

  var THEMES = [
    { id: 'heat-demand-per-m2', needs: ['heatDemand', 'footprintArea'],
      label: function (keys) {
        return 'Heat demand per m² ' + (keys.storeys ? 'floor area' : 'footprint') + ' (kWh/m²·a)';
      },
      value: function (get, keys) {
        var demand = get(keys.heatDemand);
        var area = get(keys.footprintArea);
        var storeys = keys.storeys ? get(keys.storeys) : 1;
        return demand === undefined || !(area > 0) || !(storeys > 0) ? undefined : demand / (area * storeys);
      },
      classes: EFFICIENCY },
    { id: 'heat-demand', needs: ['heatDemand'], label: function () { return 'Heat demand (MWh/a)'; },
      value: function (get, keys) {
        var demand = get(keys.heatDemand);
        return demand === undefined ? undefined : demand / 1000;
      },
      classes: bands([10, 25, 50, 100, 250], ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
        ['< 10', '10–25', '25–50', '50–100', '100–250', '≥ 250']) },
    { id: 'heat-density', needs: ['heatDensity'],
      label: function () { return 'Heat demand density of the block (MWh/ha·a)'; },
      value: function (get, keys) { return get(keys.heatDensity); },
      // the heat density classes of the README's heat plans (after KEA-BW's guide): 175 is the default threshold of
      // a block that is a candidate for a heat network
      classes: bands([70, 175, 415], ['#ffffb2', '#fecc5c', '#fd8d3c', '#bd0026'],
        ['< 70', '70–175', '175–415', '≥ 415']) },
    { id: 'year-built', needs: ['yearBuilt'], label: function () { return 'Construction year'; },
      value: function (get, keys) { return get(keys.yearBuilt); },
      // the periods of the German building typology (IWU), which heat demand follows
      classes: bands([1919, 1949, 1979, 1995, 2010],
        ['#8c510a', '#bf812d', '#dfc27d', '#80cdc1', '#35978f', '#01665e'],
        ['before 1919', '1919–1948', '1949–1978', '1979–1994', '1995–2009', '2010 and later']) },
    { id: 'energy-carrier', needs: ['energyCarrier'], label: function () { return 'Energy carrier'; },
      value: function (get, keys) { return get(keys.energyCarrier); },
      classes: categories([
        ['gas', '#fd8d3c', ['gas', 'natural gas', 'erdgas']],
        ['oil', '#6a3d9a', ['oil', 'heating oil', 'heizöl', 'heizoel']],
        ['district heating', '#e31a1c', ['district heating', 'fernwärme', 'fernwaerme']],
        ['heat pump', '#1f78b4', ['heat pump', 'wärmepumpe', 'waermepumpe']],
        ['electricity', '#a6cee3', ['electricity', 'electric', 'strom']],
        ['biomass', '#33a02c', ['biomass', 'wood', 'pellets', 'holz']],
        ['coal', '#8c6d31', ['coal', 'kohle']],
        ['solar', '#ffd92f', ['solar', 'solar thermal', 'solarthermie']],
        ['other', '#b15928', ['other', 'sonstige']]]) }
  ];

  /**
   * The properties of the tiles' class as the schema defines them ({key, name, noData, semantic}), in its order, and
   * looked up by column name (the property's name) or property id.
   */
  function schemaProperties(schema) {
    var list = [];
    Object.keys(schema.classes || {}).forEach(function (classId) {
      var properties = schema.classes[classId].properties || {};
      Object.keys(properties).forEach(function (key) {
        var definition = properties[key];
        list.push({ key: key, name: definition.name || key, noData: definition.noData,
          semantic: definition.semantic });
      });
    });
    var byName = {};
    list.forEach(function (property) { byName[property.name] = property; });
    list.forEach(function (property) { byName[property.key] = byName[property.key] || property; });
    return { list: list, byName: byName };
  }

  /** A feature's value of a property, or undefined where it has none (its noData; 64-bit integers as numbers). */
  function reader(feature, properties) {
    return function (name) {
      var property = properties.byName[name];
      var value = property && feature.getProperty(property.key);
      if (typeof value === 'bigint') { value = Number(value); }
      if (value === undefined || value === null || value === '' ||
          (property.noData !== undefined && value === property.noData)) {
        return undefined;
      }
      return value;
    };
  }

  /** The themes the tiles can answer, each with the column names it reads. */
  function availableThemes(properties) {
    return THEMES.map(function (theme) {
      var names = {};
      Object.keys(NAMES).forEach(function (role) {
        names[role] = NAMES[role].filter(function (name) { return properties.byName[name]; })[0];
      });
      var usable = theme.needs.every(function (role) { return names[role]; });
      return usable ? { theme: theme, names: names, label: theme.label(names) } : null;
    }).filter(Boolean);
  }

  function classify(chosen, get) {
    var value = chosen.theme.value(get, chosen.names);
    if (value === undefined || value === null || (typeof value === 'number' && !isFinite(value))) {
      return NO_VALUE;
    }
    return chosen.theme.classes.filter(function (c) { return c.matches(value); })[0] || NO_VALUE;
  }

  function showLegend(chosen) {
    var legend = document.getElementById('viewer3d-legend');
    legend.textContent = '';
    state.legend = [];
    if (!chosen) { return; }
    var title = document.createElement('div');
    title.className = 'legend-title';
    title.textContent = chosen.label;
    legend.appendChild(title);
    chosen.theme.classes.concat([NO_VALUE]).forEach(function (entry) {
      var row = document.createElement('div');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = entry.colour;
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(entry.label));
      legend.appendChild(row);
      state.legend.push({ label: entry.label, colour: entry.colour, noValue: entry === NO_VALUE });
    });
  }

  // Tiles come without normals unless configured (glTF clients compute flat normals themselves; CesiumJS instead
  // draws such meshes unlit). This shader shades every face by its own slope from the screen-space derivatives of
  // its position, with a fixed light from above the viewer's shoulder, so buildings read the same at any time of day.
  // Under a theme the surfaces' own colours give way to white, so that the style's colour is what shows, shaded.
  function flatShading() {
    return new Cesium.CustomShader({
      lightingModel: Cesium.LightingModel.UNLIT,
      uniforms: { u_themed: { type: Cesium.UniformType.BOOL, value: false } },
      fragmentShaderText: [
        'void fragmentMain(FragmentInput fsInput, inout czm_modelMaterial material) {',
        '  vec3 position = fsInput.attributes.positionEC;',
        '  vec3 normal = normalize(cross(dFdx(position), dFdy(position)));',
        '  vec3 light = normalize(vec3(0.4, 0.8, 0.45));',
        '  if (u_themed) { material.diffuse = vec3(1.0); }',
        '  material.diffuse *= 0.45 + 0.55 * max(dot(normal, light), 0.0);',
        '}'
      ].join('\n')
    });
  }

  function applyTheme(tileset, shader, properties, chosen) {
    state.theme = chosen ? chosen.theme.id : null;
    shader.setUniform('u_themed', Boolean(chosen));
    showLegend(chosen);
    if (!chosen) {
      tileset.style = undefined;
      return;
    }
    var colours = {};
    var style = new Cesium.Cesium3DTileStyle();
    // a function rather than a style expression: the expression language takes no 64-bit integers
    style.color = { evaluateColor: function (feature, result) {
      var entry = classify(chosen, reader(feature, properties));
      var colour = colours[entry.colour] || (colours[entry.colour] = Cesium.Color.fromCssColorString(entry.colour));
      return Cesium.Color.clone(colour, result);
    } };
    tileset.style = style;
  }

  function themeSelector(tileset, shader, properties, themes) {
    var select = document.getElementById('viewer3d-theme');
    var none = document.createElement('option');
    none.value = '';
    none.textContent = 'surfaces (roof, wall)';
    select.appendChild(none);
    themes.forEach(function (chosen) {
      var option = document.createElement('option');
      option.value = chosen.theme.id;
      option.textContent = chosen.label;
      select.appendChild(option);
    });
    select.addEventListener('change', function () {
      applyTheme(tileset, shader, properties, themes.filter(function (t) { return t.theme.id === select.value; })[0]);
    });
    select.value = themes.length ? themes[0].theme.id : '';
    applyTheme(tileset, shader, properties, themes[0]);
  }

  function format(value) {
    if (typeof value === 'number') {
      return Number.isInteger(value) ? String(value) : value.toLocaleString('en', { maximumFractionDigits: 2 });
    }
    return String(value);
  }

  function showFeature(tileset, properties, themes, feature) {
    var link = document.getElementById('viewer3d-feature');
    var table = document.getElementById('viewer3d-attributes');
    table.textContent = '';
    state.picked = null;
    var get = feature && feature.getProperty ? reader(feature, properties) : null;
    var idProperty = properties.list.filter(function (p) { return p.semantic === 'ID'; })[0];
    var id = get && idProperty ? get(idProperty.key) : undefined;
    var template = tileset.extras && tileset.extras.featureUriTemplate;
    if (id === undefined || !template) { link.textContent = ''; link.removeAttribute('href'); return; }
    link.href = new URL(template.replace('{featureId}', encodeURIComponent(id)), element.dataset.tileset).href;
    link.textContent = 'Open feature ' + id;
    var rows = [];
    properties.list.forEach(function (property) {
      var value = get(property.key);
      if (property !== idProperty && value !== undefined) { rows.push([property.name, format(value)]); }
    });
    themes.forEach(function (chosen) {
      var value = chosen.theme.value(get, chosen.names);
      if (chosen.theme.id === 'heat-demand-per-m2' && value !== undefined) {
        rows.push([chosen.label, format(Math.round(value))]);
      }
    });
    rows.forEach(function (row) {
      var tr = table.insertRow();
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = row[0];
      tr.appendChild(th);
      tr.insertCell().textContent = row[1];
    });
    state.picked = { id: String(id), href: link.href, attributes: Object.fromEntries(rows) };
  }

  async function start() {
    var schemaUrl = new URL('3dtiles/schema.json', element.dataset.tileset).href;
    // without its schema the view still shows the buildings, in their surfaces' colours
    var schema = fetch(schemaUrl).then(function (response) {
      if (!response.ok) { throw new Error(schemaUrl + ': ' + response.status); }
      return response.json();
    }).catch(function (error) {
      console.error('no themes: ' + error);
      return {};
    });
    var viewer = new Cesium.Viewer(element, {
      baseLayer: false, baseLayerPicker: false, geocoder: false, sceneModePicker: false,
      navigationHelpButton: false, animation: false, timeline: false, fullscreenButton: false,
      infoBox: false, selectionIndicator: false,
      terrainProvider: new Cesium.EllipsoidTerrainProvider(), skyBox: false, skyAtmosphere: false
    });
    viewer.scene.globe.baseColor = Cesium.Color.fromCssColorString('#e4e8ea');
    var shader = flatShading();
    var tileset = await Cesium.Cesium3DTileset.fromUrl(element.dataset.tileset, { customShader: shader });
    tileset.tileFailed.addEventListener(function (error) {
      state.failed++;
      console.error('3D tile failed: ' + error.url + ': ' + error.message);
    });
    tileset.tileLoad.addEventListener(function () { state.loaded++; });
    tileset.allTilesLoaded.addEventListener(function () { state.ready = true; });
    var properties = schemaProperties(await schema);
    var themes = availableThemes(properties);
    themeSelector(tileset, shader, properties, themes);
    viewer.scene.primitives.add(tileset);
    await viewer.zoomTo(tileset);
    new Cesium.ScreenSpaceEventHandler(viewer.scene.canvas).setInputAction(function (click) {
      showFeature(tileset, properties, themes, viewer.scene.pick(click.position));
    }, Cesium.ScreenSpaceEventType.LEFT_CLICK);
  }

  window.addEventListener('load', function () {
    start().catch(function (error) {
      state.error = String(error);
      console.error(error);
    });
  });
}());
