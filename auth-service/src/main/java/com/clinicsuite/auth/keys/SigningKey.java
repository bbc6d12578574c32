package com.clinicsuite.auth.keys;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;

/** One RSA key of the ring: {@code kid} is what tokens name in their header and the JWKS publishes. */
public record SigningKey(String kid, PrivateKey privateKey, RSAPublicKey publicKey) {}
