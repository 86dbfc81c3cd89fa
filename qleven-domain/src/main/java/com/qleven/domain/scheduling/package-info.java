/**
 * Scheduling's pure core: the center's scheduling settings, the catalogue (services, rooms,
 * equipment), members' hours and time off, the availability search, appointments and their
 * lifecycle, recurring series and the waitlist. JDK only; it never reads the clock (every
 * {@code now} is passed in). It uses billing's {@code Money} for prices and refers to tax rates by
 * code only.
 */
package com.qleven.domain.scheduling;
