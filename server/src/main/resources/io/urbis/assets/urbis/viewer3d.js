/* Urbis 3D view: the collection's 3D Tiles in CesiumJS served by Urbis itself, on a plain ellipsoid without
   imagery, terrain or Cesium ion. Picking a building links to its feature page through the tileset's
   featureUriTemplate. State for tests and the curious: window.urbis3d. */
(function () {
  'use strict';
  var element = document.getElementById('viewer3d');
  if (!element) { return; }
  window.CESIUM_BASE_URL = element.dataset.cesium;
  var state = window.urbis3d = { failed: 0, loaded: 0, ready: false, error: null };

  function showFeature(link, tileset, feature) {
    var id = feature && feature.getProperty ? feature.getProperty('featureId') : undefined;
    var template = tileset.extras && tileset.extras.featureUriTemplate;
    if (id === undefined || !template) { link.textContent = ''; return; }
    link.href = new URL(template.replace('{featureId}', encodeURIComponent(id)), element.dataset.tileset).href;
    link.textContent = 'Feature ' + id;
  }

  // Tiles come without normals unless configured (glTF clients compute flat normals themselves; CesiumJS instead
  // draws such meshes unlit). This shader shades every face by its own slope from the screen-space derivatives of
  // its position, with a fixed light from above the viewer's shoulder, so buildings read the same at any time of day.
  function flatShading() {
    return new Cesium.CustomShader({
      lightingModel: Cesium.LightingModel.UNLIT,
      fragmentShaderText: [
        'void fragmentMain(FragmentInput fsInput, inout czm_modelMaterial material) {',
        '  vec3 position = fsInput.attributes.positionEC;',
        '  vec3 normal = normalize(cross(dFdx(position), dFdy(position)));',
        '  vec3 light = normalize(vec3(0.4, 0.8, 0.45));',
        '  material.diffuse *= 0.45 + 0.55 * max(dot(normal, light), 0.0);',
        '}'
      ].join('\n')
    });
  }

  async function start() {
    var viewer = new Cesium.Viewer(element, {
      baseLayer: false, baseLayerPicker: false, geocoder: false, sceneModePicker: false,
      navigationHelpButton: false, animation: false, timeline: false, fullscreenButton: false,
      terrainProvider: new Cesium.EllipsoidTerrainProvider(), skyBox: false, skyAtmosphere: false
    });
    viewer.scene.globe.baseColor = Cesium.Color.fromCssColorString('#e4e8ea');
    var tileset = await Cesium.Cesium3DTileset.fromUrl(element.dataset.tileset, { customShader: flatShading() });
    tileset.tileFailed.addEventListener(function (error) {
      state.failed++;
      console.error('3D tile failed: ' + error.url + ': ' + error.message);
    });
    tileset.tileLoad.addEventListener(function () { state.loaded++; });
    tileset.allTilesLoaded.addEventListener(function () { state.ready = true; });
    viewer.scene.primitives.add(tileset);
    await viewer.zoomTo(tileset);
    var link = document.getElementById('viewer3d-feature');
    new Cesium.ScreenSpaceEventHandler(viewer.scene.canvas).setInputAction(function (click) {
      showFeature(link, tileset, viewer.scene.pick(click.position));
    }, Cesium.ScreenSpaceEventType.LEFT_CLICK);
  }

  window.addEventListener('load', function () {
    start().catch(function (error) {
      state.error = String(error);
      console.error(error);
    });
  });
}());
