/**
 * Messaging's outbound ports (issue 11): the WhatsApp Cloud API as the use cases see it. Plain
 * records, JDK only; the wire format stays inside the adapter.
 */
package com.qleven.ports.messaging.out;
