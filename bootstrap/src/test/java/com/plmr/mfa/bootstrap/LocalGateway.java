package com.plmr.mfa.bootstrap;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** A provider played by WireMock on a free port of the loopback interface, started. */
final class LocalGateway {

    private LocalGateway() {
    }

    static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
