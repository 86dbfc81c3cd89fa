package com.qleven.host.http;

/** Answers one route. Runs on a worker thread; may block. Failures become problems. */
@FunctionalInterface
public interface Endpoint {
    Response handle(Request request) throws Exception;
}
