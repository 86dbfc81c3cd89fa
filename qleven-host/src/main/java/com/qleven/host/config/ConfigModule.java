package com.qleven.host.config;

import dagger.Module;
import dagger.Provides;
import java.util.Optional;
import javax.inject.Singleton;
import javax.net.ssl.SSLContext;

/** The configuration, read from the environment bound into the component, and the TLS material it names. */
@Module
public final class ConfigModule {
    private ConfigModule() {
    }

    @Provides
    @Singleton
    static HostConfig config(Environment environment) {
        return HostConfig.fromEnvironment(environment.variables());
    }

    @Provides
    @Singleton
    static Optional<SSLContext> tls(HostConfig config) {
        return config.tls().map(TlsMaterial::sslContext);
    }
}
