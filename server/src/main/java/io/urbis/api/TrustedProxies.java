package io.urbis.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding headers ({@code Forwarded}, {@code X-Forwarded-*}) are believed: addresses
 * and networks ({@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}). Addresses only, never host
 * names: trust must not depend on a DNS answer.
 */
public final class TrustedProxies {

  /** No proxy: forwarding headers are ignored from every client. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<Network> networks;

  private TrustedProxies(List<Network> networks) {
    this.networks = List.copyOf(networks);
  }

  /** The proxies listed; an entry that is not an address or network is refused, naming it. */
  public static TrustedProxies of(List<String> entries) {
    return new TrustedProxies(entries.stream().map(TrustedProxies::network).toList());
  }

  /** Whether a request from {@code address} came through a trusted proxy. */
  public boolean contains(InetAddress address) {
    return address != null && networks.stream().anyMatch(network -> network.contains(address.getAddress()));
  }

  private static Network network(String entry) {
    String text = entry.trim();
    int slash = text.indexOf('/');
    byte[] address = address(slash < 0 ? text : text.substring(0, slash), entry);
    int bits = address.length * Byte.SIZE;
    int prefix = slash < 0 ? bits : prefixLength(text.substring(slash + 1), bits, entry);
    return new Network(address, prefix);
  }

  private static byte[] address(String text, String entry) {
    Matcher ipv4 = IPV4.matcher(text);
    if (ipv4.matches()) {
      byte[] address = new byte[4];
      for (int i = 0; i < address.length; i++) {
        int octet = Integer.parseInt(ipv4.group(i + 1));
        if (octet > 255) {
          throw invalid(entry);
        }
        address[i] = (byte) octet;
      }
      return address;
    }
    if (IPV6.matcher(text).matches()) {
      try {
        // in brackets, Java reads the text as an IPv6 literal or refuses it, and never asks DNS
        return InetAddress.getByName("[" + text + "]").getAddress();
      } catch (UnknownHostException e) {
        throw invalid(entry);
      }
    }
    throw invalid(entry);
  }

  private static int prefixLength(String text, int bits, String entry) {
    if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > bits) {
      throw invalid(entry);
    }
    return Integer.parseInt(text);
  }

  private static IllegalArgumentException invalid(String entry) {
    return new IllegalArgumentException("'" + entry + "' is not an IP address or network (10.0.0.5, 10.0.0.0/8, ::1,"
        + " fd00::/8)");
  }

  /** An address and how many of its leading bits a client's address must share. */
  private record Network(byte[] address, int prefix) {

    boolean contains(byte[] candidate) {
      if (candidate.length != address.length) {
        return false;
      }
      int whole = prefix / Byte.SIZE;
      for (int i = 0; i < whole; i++) {
        if (candidate[i] != address[i]) {
          return false;
        }
      }
      int rest = prefix % Byte.SIZE;
      int mask = (0xFF << (Byte.SIZE - rest)) & 0xFF;
      return rest == 0 || (candidate[whole] & mask) == (address[whole] & mask);
    }
  }
}
