/**
 * Messaging (issue 11): WhatsApp messages to clients, their templates, their fate. JDK only.
 */
package com.qleven.domain.messaging;
