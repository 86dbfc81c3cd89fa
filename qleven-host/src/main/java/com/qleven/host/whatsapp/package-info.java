/** A fake of Meta's Graph API for tests and demos (issue 11, item 7). Not wired into serving. */
package com.qleven.host.whatsapp;
