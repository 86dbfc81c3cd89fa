/**
 * The WhatsApp Cloud API adapter (issue 11): a Retrofit client of Meta's Graph API behind
 * {@link com.qleven.ports.messaging.out.WhatsAppGateway}. The Jackson DTOs stay in this package.
 */
package com.qleven.adapters.whatsapp;
