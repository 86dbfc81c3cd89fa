/** Messaging's use cases as callers see them (issue 11): commands and results of {@code qleven.messaging()}. */
package com.qleven.ports.messaging.in;
