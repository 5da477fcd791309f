package io.urbis.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8", "192.168.1.64/26",
      "::1", "fd00::/8"));

  @Test
  void addressesAndNetworksOfBothFamiliesAreTrusted() throws Exception {
    for (String trusted : List.of("127.0.0.1", "10.0.0.1", "10.255.255.255", "192.168.1.64", "192.168.1.127",
        "::1", "fd12:3456::1")) {
      assertTrue(proxies.contains(InetAddress.getByName(trusted)), trusted);
    }
  }

  @Test
  void otherAddressesAreNot() throws Exception {
    for (String other : List.of("127.0.0.2", "11.0.0.1", "192.168.1.63", "192.168.1.128", "::2", "fe80::1",
        "8.8.8.8")) {
      assertFalse(proxies.contains(InetAddress.getByName(other)), other);
    }
    assertFalse(proxies.contains(null));
  }

  @Test
  void noProxyTrustsNobody() throws Exception {
    assertFalse(TrustedProxies.NONE.contains(InetAddress.getByName("127.0.0.1")));
    assertFalse(TrustedProxies.of(List.of()).contains(InetAddress.getByName("::1")));
  }

  @Test
  void everyAddressIsInTheNetworkOfPrefixZero() throws Exception {
    assertTrue(TrustedProxies.of(List.of("0.0.0.0/0")).contains(InetAddress.getByName("203.0.113.9")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.example.org", "localhost", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8",
      "::1/129", "fd00::zz", "", "10.0.0.1/8/8", "1.2.3.4.5"})
  void anythingButAnAddressOrNetworkIsRefused(String entry) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> TrustedProxies.of(List.of(entry)));
    assertTrue(error.getMessage().contains("'" + entry + "'"), error.getMessage());
  }
}
