/**
 * Messaging (issue 11): WhatsApp messages to clients, their templates, their fate. JDK only.
 * <ul>
 *   <li>Templates: {@link com.qleven.domain.messaging.WhatsAppTemplate} (Meta's definition and status,
 *       the center's purpose and {@link com.qleven.domain.messaging.ParameterMapping}), chosen by
 *       {@link com.qleven.domain.messaging.TemplateChooser}.</li>
 *   <li>A message's fate: {@link com.qleven.domain.messaging.OutboundMessage}, its retries
 *       ({@link com.qleven.domain.messaging.RetryPolicy}, {@link com.qleven.domain.messaging.Backoff}) and
 *       Meta's refusals ({@link com.qleven.domain.messaging.SendFailure}).</li>
 *   <li>Pacing: {@link com.qleven.domain.messaging.TokenBucket}, the arithmetic the dispatchers share.</li>
 *   <li>When: {@link com.qleven.domain.messaging.ReminderSchedule}.</li>
 * </ul>
 */
package com.qleven.domain.messaging;
