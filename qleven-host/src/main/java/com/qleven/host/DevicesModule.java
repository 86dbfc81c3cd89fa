package com.qleven.host;

import com.qleven.application.Qleven;
import com.qleven.host.config.Environment;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * The devices context in the host: what the MQTT link hands device messages to (the core's
 * {@code qleven.devices().inbound()}) and the job that publishes due commands.
 */
@Module
public final class DevicesModule {
    private DevicesModule() {
    }

    @Provides
    @Singleton
    static DeviceDispatchJob deviceDispatchJob(Qleven qleven, Environment environment, Resources resources) {
        return resources.register("device dispatch",
                new DeviceDispatchJob(qleven, DeviceDispatchJob.every(environment.variables())));
    }
}
