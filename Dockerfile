# Urbis: build with Maven, run on a small JRE as a non-root user.
#   docker build -t urbis .
#   docker run -p 8080:8080 -e DATABASE_URL=postgresql://user:pw@db:5432/city urbis
# Without DATABASE_URL (or URBIS_SOURCES / a mounted config) it serves the bundled demo city.

FROM maven:3.9-eclipse-temurin-17 AS build
# npm installs CesiumJS for the 3D view during the build (server/cesium)
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY openapi/pom.xml openapi/
COPY server/pom.xml server/
COPY conformance-tests/pom.xml conformance-tests/
RUN mvn -B -q -pl server -am dependency:go-offline
COPY openapi/src openapi/src
COPY server/cesium/package.json server/cesium/package-lock.json server/cesium/
COPY server/src server/src
RUN mvn -B -q -pl server -am -DskipTests package

# PROJ's BETA2007 grid from Debian's proj-data, the package the tests run with: the GeoPackage source moves DHDN
# (Gauss-Krueger, e.g. EPSG:31467) data with it as PostGIS does; without it such data lands about half a metre off
FROM debian:bookworm-slim AS proj-grids
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends proj-data && rm -rf /var/lib/apt/lists/*

FROM eclipse-temurin:17-jre
COPY --from=proj-grids /usr/share/proj/BETA2007.gsb /usr/share/proj/BETA2007.gsb
RUN groupadd --system urbis && useradd --system --gid urbis --home-dir /var/lib/urbis --create-home urbis
COPY --from=build /src/server/target/urbis.jar /opt/urbis/urbis.jar
USER urbis
WORKDIR /var/lib/urbis
ENV URBIS_PORT=8080 \
    URBIS_HOST=0.0.0.0 \
    URBIS_HOME=/var/lib/urbis \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 --enable-native-access=ALL-UNNAMED"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=6s --start-period=60s --retries=3 \
  CMD ["java", "-jar", "/opt/urbis/urbis.jar", "check", "http://127.0.0.1:8080/health"]
# a config file can be mounted and named: -v ./urbis.yaml:/etc/urbis/urbis.yaml -e URBIS_CONFIG=/etc/urbis/urbis.yaml
ENTRYPOINT ["java", "-jar", "/opt/urbis/urbis.jar"]
CMD ["serve"]
